#!/bin/sh
# Every figure of BENCHMARKS.md, on a quiet machine, from the repository's root: sh bench/run-all.sh
# About 75 minutes on 2 cores; about 30 GB of free disk for the seeded run (see BENCHMARKS.md). Each run's output (with the load average at its start and end) goes to
# bench/target/results/; nothing else should run meanwhile (check `uptime` first: the load average should be < 0.5).
set -eu
out=bench/target/results
mkdir -p "$out"
uptime | tee "$out/uptime-start.txt"

mvn -B -o -q package -Pbench -pl hub,bench -am -DskipTests

load() { # name, then the load command's options
  name=$1; shift
  echo "== $name: $*" | tee "$out/$name.txt"
  java -Xmx4g -jar bench/target/lmx-bench.jar load "$@" 2>&1 | tee -a "$out/$name.txt"
}

# 1. JMH: the per-message work per operation, size and key (one thread), then the 5 KB bound on all cores
java -jar bench/target/lmx-benchmarks.jar 'PerMessageBenchmark.(parseAndValidate|parseValidateVerify|signReceipt|perMessage)$' \
     -rf json -rff "$out/jmh-per-operation.json" 2>&1 | tee "$out/jmh-per-operation.txt"
java -jar bench/target/lmx-benchmarks.jar 'PerMessageBenchmark.perMessage5KB' -t max -wi 6 -w 5 -i 5 -r 5 \
     -rf json -rff "$out/jmh-bound-all-cores.json" 2>&1 | tee "$out/jmh-bound-all-cores.txt"

# 2. Throughput against the bound, closed loop, 5 KB signed documents, per key pair (partner / receipt)
load rsa2048-ec      --clients 16 --seconds 60 --partner-key RSA-2048 --receipt-key EC-P256
load rsa2048-rsa2048 --clients 16 --seconds 60 --partner-key RSA-2048 --receipt-key RSA-2048 --applications 0 --agency-messages 0
load ec-ec           --clients 16 --seconds 60 --partner-key EC-P256 --receipt-key EC-P256 --applications 0 --agency-messages 0
load rsa3072-rsa3072 --clients 16 --seconds 60 --partner-key RSA-3072 --receipt-key RSA-3072 --applications 0 --agency-messages 0

# 3. Latency at 300 messages/s offered (fixed schedule; latency from each message's scheduled time)
load rate300 --rate 300 --clients 64 --seconds 60 --bound-seconds 0 --applications 0 --agency-messages 0

# 4. 5 MB documents, 10 in flight, the hub's heap capped at 512 MB
load 5mb --size 5MB --clients 10 --hub-jvm "-Xmx512m" --seconds 60 --warmup 0 --messages 120 --bound-seconds 0 --applications 0 --agency-messages 0

# 5. The same load as rsa2048-ec with 1,000,000 entries seeded in the message log first
load seeded-1m --seed-log 1000000 --clients 16 --seconds 60 --partner-key RSA-2048 --receipt-key EC-P256 --bound-seconds 0 --applications 0 --agency-messages 0

uptime | tee "$out/uptime-end.txt"
grep -H -E '^(accepted|latency|errors|hub heap|hub RSS|bound|ratio|processes|agency|seeded) ' "$out"/*.txt
