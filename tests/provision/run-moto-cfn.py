#!/usr/bin/env python3
"""Runs a provisioning test against moto_server with signature checking, through the
AWS layer's wrapper (tests/aws/run-moto.py: IAM users, keys, environment, skip without
moto), with moto-cfn-server.py as the server: moto plus the CloudFormation behaviour it
lacks (see that file). Usage: run-moto-cfn.py TEST [ARGS...]"""
import importlib.util
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

spec = importlib.util.spec_from_file_location("run_moto", os.path.join(HERE, "..", "aws", "run-moto.py"))
run_moto = importlib.util.module_from_spec(spec)
spec.loader.exec_module(run_moto)


def moto_command(port):
    if importlib.util.find_spec("moto") is None or importlib.util.find_spec("flask") is None:
        return None
    return [sys.executable, os.path.join(HERE, "moto-cfn-server.py"), "-H", "127.0.0.1", "-p", str(port)]


run_moto.moto_command = moto_command
# every example x pattern is planned, applied, checked and destroyed
run_moto.DEADLINE = int(os.environ.get("NINES_PROVISION_DEADLINE", "290"))

if __name__ == "__main__":
    sys.exit(run_moto.main())
