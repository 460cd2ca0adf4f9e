#!/bin/sh
# Rebuilds data/pricing/prices.gvariant (+ SOURCES.txt) from the copied AWS price files
# (../shared/pricing-sources, described in its SOURCES.md) and data/pricing/cited/.
# Run from the top of the source tree with a built nines-cli:
#   data/pricing/import.sh [BUILD_DIR] [SOURCES_DIR]
# Deterministic: the same inputs give the same bytes.
# The processed aws-price-watcher files carry no publication date of their own: they are
# dated 2025-06-18, the date of the aws-price-watcher commit they were copied from
# (a6645eb2e53e9399396a714cdc4f3c346c7f06c0). For the same price, one with a rateCode
# (raw meteredUnitMaps files) wins over one without (processed files).
set -eu
build=${1:-build}
src=${2:-../shared/pricing-sources}
P=$src/aws-price-watcher
"$build/app/nines-cli" pricing import --date 2025-06-18 --relative-to "$src/" -o data/pricing \
  $P/raw/elb.json $P/raw/s3.json $P/raw/dynamodb.json $P/raw/route53.json $P/raw/cloudfront.json \
  $P/raw/rds-storage.json $P/raw/rds-aurora-storage.json $P/raw/rds-aurora-ondemand.json \
  $src/lamngockhuong-aws-price/natgateway.json \
  $P/processed/ec2.json $P/processed/datatransfer.json $P/processed/backup.json \
  $P/processed/rds-mysql-ondemand.json $P/processed/rds-postgresql-ondemand.json \
  $P/processed/efs.json $P/processed/elasticache.json $P/processed/lambda.json \
  $P/processed/queueservice.json $P/processed/guardduty.json $P/processed/cloudwatch.json \
  $P/processed/elb.json $P/processed/s3.json $P/processed/dynamodb.json $P/processed/route53.json \
  $P/processed/cloudfront.json $P/processed/rds-storage.json $P/processed/rds-aurora-storage.json \
  $P/processed/rds-aurora-ondemand.json \
  $src/terracost/2023-02-23-pricing.sql.gz \
  data/pricing/cited/ebs-us-east-1.json
