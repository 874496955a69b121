# The two commands of the README, and the few others a developer needs.
# Each target installs what it is missing first (scripts/install.sh).
.PHONY: serve test build size bench install

serve:  ## install what is missing, serve on http://127.0.0.1:8080
	scripts/serve.sh

test:   ## install what is missing (browser included), run every test
	scripts/test.sh

build:  ## release build into dist/ (PUBLIC_URL=/sub/path/ for a sub-path)
	scripts/install.sh && scripts/build.sh

size:   ## raw, gzip and brotli size of every file in dist/
	node scripts/size.mjs

bench:  ## engine (criterion) and browser benchmarks (load, typing p50/p95 at 1x and 4x CPU, memory; first visit on a throttled phone beside the React peer, scripts/peer.sh); prints figures, writes bench-report.json
	scripts/bench.sh

install:
	scripts/install.sh --browser
