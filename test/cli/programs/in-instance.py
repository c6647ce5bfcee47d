# boto3 on an "instance": no credentials given; botocore's chain reads the instance
# metadata endpoint named by AWS_EC2_METADATA_SERVICE_ENDPOINT. Debian's boto3 (1.26)
# does not read AWS_ENDPOINT_URL, so the endpoint is passed here.
import json
import os

import boto3

sts = boto3.client("sts", endpoint_url=os.environ["AWS_ENDPOINT_URL"])
print(json.dumps({"arn": sts.get_caller_identity()["Arn"], "method": boto3.Session().get_credentials().method}))
