# Sourced by the benchmark scripts. bench_runs DEFAULT [ARG]: sets RUNS to ARG (a positive count of
# runs), or to DEFAULT without one. -h or --help prints the calling script's header comment (its
# usage) and exits; anything else is an error that says what is expected, not a shell failure
# halfway through the run.
bench_runs() {
  local default=$1 script=${BASH_SOURCE[1]}
  shift
  case "${1:-}" in
    -h | --help)
      sed -n '2,/^[^#]/{/^#/s/^# \{0,1\}//p}' "$script"
      exit 0
      ;;
    '') RUNS=$default ;;
    *[!0-9]* | 0*)
      echo "$(basename "$script"): '$1' is not a number of runs (a whole number from 1);" \
        "usage: $(basename "$script") [RUNS]" >&2
      exit 2
      ;;
    *) RUNS=$1 ;;
  esac
  if [ $# -gt 1 ]; then
    echo "$(basename "$script"): one argument expected (RUNS), got $#; see --help" >&2
    exit 2
  fi
}
