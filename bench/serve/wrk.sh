# Sourced by bench/serve/load.sh and hammer.sh: installs wrk (Debian's package) when it is
# missing and apt-get may run; else says so and exits 1.
if ! command -v wrk >/dev/null; then
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
  else
    echo "serve bench: wrk is not installed (apt-get install wrk)"; exit 1
  fi
fi
