"""An old boto3 (Debian's 1.26) acting through a profile whose credentials come from
`credential_process = rolegate creds ...`: it cannot send its own AssumeRole to
rolegate, so rolegate's command does the chain and boto3 only reads the JSON. Reads
{"url", "profile"} on stdin, prints the caller identity as JSON."""
import json
import sys

import boto3

settings = json.load(sys.stdin)
session = boto3.Session(profile_name=settings["profile"])
# boto3 1.26 knows no endpoint_url in profiles: the endpoint is given in code.
sts = session.client("sts", endpoint_url=settings["url"], region_name="us-east-1")
identity = sts.get_caller_identity()
frozen = session.get_credentials().get_frozen_credentials()
print(json.dumps({"Arn": identity["Arn"], "AccessKeyId": frozen.access_key}))
