#!/usr/bin/env bash
# The newcomer test: a clean clone of this repository, the README's quick-start command run as
# written, with no token and no configuration; the terminal chat must answer /latest balkans from
# the sample articles. Run by .ci/run.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The first command line of the README's quick start (indented code), without its comment.
command="$(awk '/^## Quick start/{on=1; next} /^## /{on=0} on && /^    .*npm start/{sub(/^ +/, ""); sub(/ *#.*/, ""); print; exit}' "$repo/README.md")"
if [ -z "$command" ]; then
  echo "newcomer: no quick-start command found in README.md" >&2
  exit 1
fi
echo "newcomer: clone, then: $command  (stdin: /latest balkans)"
git clone --quiet "$repo" "$work/newsdesk"
cd "$work/newsdesk"
# A newcomer's shell: none of the bot's settings, a fresh data folder.
unset TELEGRAM_BOT_TOKEN DISCORD_TOKEN DATABASE_URL NEWSDESK_DATA_DIR HTTP_PORT
out="$(echo "/latest balkans" | timeout 900 bash -c "$command" 2>&1)" || {
  echo "$out" | tail -n 40
  echo "newcomer: the quick start failed" >&2
  exit 1
}
if ! grep -q '\[Sample\]' <<<"$out"; then
  echo "$out" | tail -n 40
  echo "newcomer: /latest balkans showed no sample story" >&2
  exit 1
fi
echo "$out" | grep -m 3 '\[Sample\]'
echo "newcomer: quick start works on a clean clone"
