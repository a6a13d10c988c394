# annals: the two commands a newcomer needs are `make demo` and `make test`.
BUILD ?= build
TEST_BUILD ?= build-test
JOBS ?= $(shell nproc)

.PHONY: demo test build deps bench fuzz eval clean asan

deps:
	@bash scripts/install-deps.sh

build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release -DANNALS_BUILD_TESTS=OFF >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

demo: build
	@bash scripts/demo.sh $(BUILD)/annals

test: deps
	@cmake -S . -B $(TEST_BUILD) -DCMAKE_BUILD_TYPE=Release -DANNALS_BUILD_TESTS=ON >/dev/null
	@cmake --build $(TEST_BUILD) -j $(JOBS)
	@cd $(TEST_BUILD) && ctest --output-on-failure -j $(JOBS)

asan: deps
	@cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DANNALS_SANITIZE=ON -DANNALS_BUILD_TESTS=ON >/dev/null
	@cmake --build build-asan -j $(JOBS)
	@cd build-asan && ctest --output-on-failure -j $(JOBS)

bench: deps
	@cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DANNALS_BUILD_TESTS=OFF -DANNALS_BUILD_BENCH=ON >/dev/null
	@cmake --build build-bench -j $(JOBS)
	@bash scripts/bench.sh build-bench

fuzz: deps
	@CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DANNALS_BUILD_TESTS=OFF -DANNALS_FUZZ=ON >/dev/null
	@cmake --build build-fuzz -j $(JOBS)
	@bash scripts/fuzz.sh build-fuzz $${FUZZ_SECONDS:-300}

eval: build
	@bash scripts/eval.sh $(BUILD)/annals

clean:
	rm -rf $(BUILD) $(TEST_BUILD) build-asan build-bench build-fuzz
