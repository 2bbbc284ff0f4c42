# Finds a JDK >= 21 for Cortado's scripts. Sourced (not run) by ./mvnw and bin/cortado.
# Sets CORTADO_JAVA_HOME, or prints what to do and returns 1.
# Search order: $JAVA_HOME, the java on PATH, then the usual install folders (newest first).

cortado_java_major() { # $1 = a JDK home; prints its feature version, or nothing
  local rel="$1/release" v
  if [ -r "$rel" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$rel")
  elif [ -x "$1/bin/java" ]; then
    v=$("$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9][0-9]*\).*/\1/p' | head -n 1)
  fi
  case "$v" in 1) v=8 ;; esac # "1.8.0" style
  [ -n "$v" ] && echo "$v"
}

cortado_is_jdk() { # a JDK, not only a JRE: Maven needs javac
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ]
}

cortado_find_jdk() {
  local min=21 cand best="" best_v=0 v
  local -a cands=()
  [ -n "${JAVA_HOME:-}" ] && cands+=("$JAVA_HOME")
  if command -v javac >/dev/null 2>&1; then
    cands+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  fi
  for cand in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* \
    "$HOME"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$cand" ] && cands+=("$cand")
  done
  # JAVA_HOME wins when it qualifies; otherwise the newest qualifying JDK.
  if [ -n "${JAVA_HOME:-}" ] && cortado_is_jdk "$JAVA_HOME"; then
    v=$(cortado_java_major "$JAVA_HOME")
    if [ -n "$v" ] && [ "$v" -ge "$min" ]; then
      CORTADO_JAVA_HOME="$JAVA_HOME"
      return 0
    fi
  fi
  for cand in "${cands[@]}"; do
    cortado_is_jdk "$cand" || continue
    v=$(cortado_java_major "$cand")
    [ -n "$v" ] || continue
    if [ "$v" -ge "$min" ] && [ "$v" -gt "$best_v" ]; then
      best="$cand"
      best_v="$v"
    fi
  done
  if [ -z "$best" ]; then
    echo "cortado: no JDK $min or newer found (looked at JAVA_HOME, PATH, /usr/lib/jvm, /opt, ~/.sdkman, ~/.jdks)." >&2
    echo "cortado: install one (for example 'apt-get install openjdk-21-jdk' or a Temurin build) or set JAVA_HOME to it." >&2
    return 1
  fi
  CORTADO_JAVA_HOME="$best"
}
