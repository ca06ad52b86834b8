# Shared by the external-agreement scripts (sdk-roundtrip.sh, schemathesis-check.sh); source it, don't run it.
#
# - ext_venv NAME REQUIREMENTS_FILE: a virtual environment OUTSIDE the repository, under
#   ${LEARNING_CONTRACT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/learning-contract}/NAME-<hash of the pins>, with exactly
#   the pinned packages of REQUIREMENTS_FILE (every transitive dependency pinned with ==). Reused while the pins are
#   unchanged; a changed pin file gets a new environment. If PyPI can't be reached the install fails, and this says
#   so and exits 1: the check never passes without having run. Sets EXT_PYTHON.
# - ext_build: builds the learning-contract CLI (SKIP_BUILD=1 reuses it) and sets EXT_BIN.
# - ext_serve [serve options…]: starts `learning-contract serve --port 0 …` on a free loopback port, waits for its
#   one "Listening on http://HOST:PORT" line and sets EXT_BASE (no version segment) and EXT_SERVE_PID. The server is
#   stopped (by its pid) when the calling script exits.
# - ext_fail MESSAGE: prints "FAIL: MESSAGE" and exits 1.
#
# EXT_SCRIPTS is this folder (the checks and the pins); EXT_ROOT is the checkout under test (its Schemas/ and its
# build), this repository unless LEARNING_CONTRACT_ROOT names another checkout (e.g. a throwaway merge worktree).

EXT_SCRIPTS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$EXT_SCRIPTS/serve-lib.sh"
EXT_ROOT="$(cd "${LEARNING_CONTRACT_ROOT:-$EXT_SCRIPTS/../..}" && pwd)"
EXT_WORK="$(mktemp -d "${TMPDIR:-/tmp}/learning-external.XXXXXX")"
EXT_SERVE_PID=""

ext_cleanup() {
    if [ -n "$EXT_SERVE_PID" ]; then
        kill "$EXT_SERVE_PID" 2>/dev/null || true
        wait "$EXT_SERVE_PID" 2>/dev/null || true
    fi
    if [ "${KEEP:-0}" = 1 ]; then echo "kept $EXT_WORK" >&2; else rm -rf "$EXT_WORK"; fi
}
trap ext_cleanup EXIT

ext_fail() {
    echo "FAIL: $*"
    exit 1
}

ext_venv() {
    local name="$1" requirements="$2"
    [ -f "$requirements" ] || ext_fail "no pin file $requirements"
    local cache="${LEARNING_CONTRACT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/learning-contract}"
    local python="${PYTHON:-python3}"
    command -v "$python" >/dev/null 2>&1 || ext_fail "$python not found: the external checks need Python 3.10 or later"
    local pyversion
    pyversion="$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
    local hash
    hash="$( (cat "$requirements"; echo "$pyversion") | sha256sum | cut -c1-12)"
    local venv="$cache/$name-$hash"
    if [ ! -f "$venv/.complete" ]; then
        echo "== installing the pinned tools of $(basename "$requirements") into $venv (Python $pyversion)"
        rm -rf "$venv"
        mkdir -p "$cache"
        "$python" -m venv "$venv" || ext_fail "cannot create a virtual environment at $venv"
        # --no-deps: the pin file lists every transitive dependency, so nothing unpinned comes in.
        if ! "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps \
                --retries 2 --timeout 30 -r "$requirements" >"$EXT_WORK/pip.log" 2>&1; then
            tail -20 "$EXT_WORK/pip.log"
            rm -rf "$venv"
            ext_fail "could not install the pinned packages of $(basename "$requirements") from PyPI (is PyPI reachable?); nothing was checked"
        fi
        "$venv/bin/python" -m pip check >"$EXT_WORK/pip-check.log" 2>&1 \
            || { cat "$EXT_WORK/pip-check.log"; rm -rf "$venv"; ext_fail "the pins of $(basename "$requirements") are inconsistent"; }
        touch "$venv/.complete"
    fi
    EXT_PYTHON="$venv/bin/python"
}

ext_build() {
    local config="${CONFIG:-debug}"
    if [ -z "${SKIP_BUILD:-}" ]; then
        echo "== swift build -c $config --product learning-contract"
        if ! (cd "$EXT_ROOT" && swift build -c "$config" --product learning-contract >"$EXT_WORK/build.log" 2>&1); then
            grep -E "error" "$EXT_WORK/build.log" | head -20
            ext_fail "swift build --product learning-contract failed in $EXT_ROOT"
        fi
        tail -1 "$EXT_WORK/build.log"
    fi
    EXT_BIN="$(cd "$EXT_ROOT" && swift build -c "$config" --show-bin-path)/learning-contract"
    [ -x "$EXT_BIN" ] || ext_fail "no $EXT_BIN: the build failed"
}

ext_serve() {
    local started=0
    SERVE_WAIT_TENTHS=300 serve_start "$EXT_BIN" "$EXT_WORK/serve" "$@" && started=1
    EXT_SERVE_PID="$SERVE_PID"
    EXT_BASE="${SERVE_BASE:-}"
    [ "$started" = 1 ] || ext_fail "learning-contract serve did not print its 'Listening on' line within 30 s"
    echo "== serve $* listening on $EXT_BASE (pid $EXT_SERVE_PID)"
}
