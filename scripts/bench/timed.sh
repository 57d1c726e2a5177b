# timed LABEL CURL-ARGS…: 20 requests one after another with $cookie, each
# must answer 200; prints the p50 and the slowest. Needs `die` (common.sh).
timed() {
  local label=$1 replies; shift
  replies=$(for _ in $(seq 20); do
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H "Cookie: $cookie" -H 'Sec-Fetch-Site: same-origin' "$@"
  done)
  if grep -vq '^200 ' <<<"$replies"; then die "$label: a request failed: $(grep -v '^200 ' <<<"$replies" | head -1)"; fi
  cut -d' ' -f2 <<<"$replies" | sort -n | awk -v label="$label" '{ t[NR] = $1 * 1000 }
    END { printf "%s: p50 %.1f ms, max %.1f ms over %d\n", label, t[int(NR / 2) + 1], t[NR], NR }'
}
