#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (no browser downloads are possible here) and trust the school
# certificate the way a device does, with NSS's certutil (libnss3-tools); install both once if missing.
set -euo pipefail
packages=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || packages+=(chromium)
command -v certutil >/dev/null || packages+=(libnss3-tools)
if [ "${#packages[@]}" -eq 0 ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  echo "Missing for the browser tests: Debian's ${packages[*]} (or set CHROMIUM_PATH for Chromium)." >&2
  exit 1
fi
echo "Installing Debian's ${packages[*]} for the browser tests…"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
