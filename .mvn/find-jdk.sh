# Sourced by ./mvnw: makes sure Maven runs on a JDK 21 or newer. Keeps JAVA_HOME when it points at one;
# otherwise picks the newest JDK 21+ among the usual install locations and the javac on PATH.
hub_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | sed 's/^1\.//'
}
hub_jdk_ok() {
  [ -x "$1/bin/javac" ] || return 1
  hub_v=$(hub_java_major "$1")
  [ -n "$hub_v" ] && [ "$hub_v" -ge 21 ] 2>/dev/null
}
if [ -z "${JAVA_HOME:-}" ] || ! hub_jdk_ok "$JAVA_HOME"; then
  hub_best=""
  hub_best_v=0
  hub_path_jdk=""
  if command -v javac >/dev/null 2>&1; then
    hub_path_jdk=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
  fi
  for hub_dir in $hub_path_jdk /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
    if hub_jdk_ok "$hub_dir" && [ "$hub_v" -gt "$hub_best_v" ]; then
      hub_best=$hub_dir
      hub_best_v=$hub_v
    fi
  done
  if [ -z "$hub_best" ]; then
    echo "The hub needs a JDK 21 or newer, and none was found." >&2
    echo "Install one (for example: apt-get install openjdk-21-jdk-headless) or set JAVA_HOME to it." >&2
    exit 1
  fi
  JAVA_HOME=$hub_best
  export JAVA_HOME
fi
