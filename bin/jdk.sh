# Finds a JDK >= 21 for Cortado's scripts. Sourced (not run) by ./mvnw and bin/cortado.
# Sets CORTADO_JAVA_HOME, or prints what to do and returns 1.
# Search order: $JAVA_HOME, the java on PATH, then the usual install folders (newest first).

cortado_java_major() { # $1 = a JDK home; prints its feature version, or nothing
  cortado_major_of "$1"
  [ -n "$CORTADO_MAJOR" ] && echo "$CORTADO_MAJOR"
}

# Sets CORTADO_MAJOR to the feature version of the JDK at $1, or to nothing. Reads the release file
# in the shell itself: a launcher that forks a process per candidate JDK pays ~5 ms each.
cortado_major_of() {
  local line
  CORTADO_MAJOR=""
  if [ -r "$1/release" ]; then
    while IFS= read -r line || [ -n "$line" ]; do
      if [[ $line =~ ^JAVA_VERSION=\"([0-9]+) ]]; then
        CORTADO_MAJOR=${BASH_REMATCH[1]}
        break
      fi
    done <"$1/release"
  elif [ -x "$1/bin/java" ]; then
    CORTADO_MAJOR=$("$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9][0-9]*\).*/\1/p' | head -n 1)
  fi
  if [ "$CORTADO_MAJOR" = 1 ]; then CORTADO_MAJOR=8; fi # "1.8.0" style
}

cortado_is_jdk() { # a JDK, not only a JRE: Maven needs javac
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ]
}

cortado_find_jdk() {
  local min=21 cand best="" best_v=0 dir javac=""
  local -a cands=() folders=() path_dirs=()
  [ -n "${JAVA_HOME:-}" ] && cands+=("$JAVA_HOME")
  # The JDK of the javac on PATH, found without forking (only a link outside the folders below
  # needs readlink).
  IFS=: read -r -a path_dirs <<<"${PATH:-}"
  for dir in "${path_dirs[@]}"; do
    if [ -n "$dir" ] && [ -x "$dir/javac" ] && [ ! -d "$dir/javac" ]; then
      javac="$dir/javac"
      break
    fi
  done
  for cand in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* \
    "$HOME"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$cand" ] || continue
    folders+=("$cand")
    # The javac on PATH is usually a link into one of these (Debian's alternatives): then it adds
    # no candidate, and the link is not resolved, which costs a process (~1 ms of every start).
    if [ -n "$javac" ] && [ "$javac" -ef "$cand/bin/javac" ]; then
      javac=""
    fi
  done
  if [ -n "$javac" ]; then
    [ -L "$javac" ] && javac=$(readlink -f "$javac")
    dir=${javac%/*}
    cands+=("${dir%/*}")
  fi
  if [ ${#folders[@]} -gt 0 ]; then
    cands+=("${folders[@]}")
  fi
  # JAVA_HOME wins when it qualifies; otherwise the newest qualifying JDK.
  if [ -n "${JAVA_HOME:-}" ] && cortado_is_jdk "$JAVA_HOME"; then
    cortado_major_of "$JAVA_HOME"
    if [ -n "$CORTADO_MAJOR" ] && [ "$CORTADO_MAJOR" -ge "$min" ]; then
      CORTADO_JAVA_HOME="$JAVA_HOME"
      return 0
    fi
  fi
  for cand in "${cands[@]}"; do
    cortado_is_jdk "$cand" || continue
    cortado_major_of "$cand"
    [ -n "$CORTADO_MAJOR" ] || continue
    if [ "$CORTADO_MAJOR" -ge "$min" ] && [ "$CORTADO_MAJOR" -gt "$best_v" ]; then
      best="$cand"
      best_v="$CORTADO_MAJOR"
    fi
  done
  if [ -z "$best" ]; then
    echo "cortado: no JDK $min or newer found (looked at JAVA_HOME, PATH, /usr/lib/jvm, /opt, ~/.sdkman, ~/.jdks)." >&2
    echo "cortado: install one (for example 'apt-get install openjdk-21-jdk' or a Temurin build) or set JAVA_HOME to it." >&2
    return 1
  fi
  CORTADO_JAVA_HOME="$best"
  CORTADO_MAJOR="$best_v"
}
