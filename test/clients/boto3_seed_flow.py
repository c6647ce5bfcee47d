"""The seed flow with boto3 against a started rolegate; run by boto3.test.ts.

Reads {"url", "root": {"accessKeyId", "secretAccessKey"}} on stdin and prints what each
step returned (or the error it raised) as JSON, for the test to check. boto3 1.26
cannot aim a profile's role_arn at another endpoint, so AssumeRole is called directly
with endpoint_url, as that version's users do.
"""
import json
import sys
from datetime import datetime, timezone

import boto3
from botocore.exceptions import ClientError

ACCOUNT = "000000000000"
REGION = "us-east-1"


def client(service, url, key_id, secret, token=None):
    return boto3.session.Session(
        aws_access_key_id=key_id,
        aws_secret_access_key=secret,
        aws_session_token=token,
        region_name=REGION,
    ).client(service, endpoint_url=url)


def failure(call):
    try:
        call()
    except ClientError as e:
        return {
            "code": e.response["Error"]["Code"],
            "message": e.response["Error"]["Message"],
            "status": e.response["ResponseMetadata"]["HTTPStatusCode"],
        }
    return {"code": None}


def main():
    given = json.load(sys.stdin)
    url, root = given["url"], given["root"]
    out = {"boto3": boto3.__version__}
    iam = client("iam", url, root["accessKeyId"], root["secretAccessKey"])

    out["user"] = iam.create_user(UserName="alice")["User"]
    key = iam.create_access_key(UserName="alice")["AccessKey"]
    out["keyStatus"] = key["Status"]
    trust = {
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Principal": {"AWS": out["user"]["Arn"]}, "Action": "sts:AssumeRole"}],
    }
    role = iam.create_role(RoleName="dev", AssumeRolePolicyDocument=json.dumps(trust))["Role"]
    out["role"] = {"Arn": role["Arn"], "RoleId": role["RoleId"], "trustMatches": role["AssumeRolePolicyDocument"] == trust}
    iam.put_role_policy(
        RoleName="dev",
        PolicyName="read",
        PolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:GetRole", "Resource": "*"}]}),
    )

    sts = client("sts", url, key["AccessKeyId"], key["SecretAccessKey"])
    me = sts.get_caller_identity()
    out["userIdentity"] = {"Account": me["Account"], "Arn": me["Arn"]}

    assumed = sts.assume_role(RoleArn=role["Arn"], RoleSessionName="boto3")
    creds = assumed["Credentials"]
    out["assumed"] = {
        "Arn": assumed["AssumedRoleUser"]["Arn"],
        "AccessKeyId": creds["AccessKeyId"],
        # botocore parses Expiration into an aware datetime; AssumeRole's default is one hour.
        "expiresInSeconds": (creds["Expiration"] - datetime.now(timezone.utc)).total_seconds(),
    }
    as_role_sts = client("sts", url, creds["AccessKeyId"], creds["SecretAccessKey"], creds["SessionToken"])
    out["roleIdentity"] = {"Arn": as_role_sts.get_caller_identity()["Arn"]}
    as_role_iam = client("iam", url, creds["AccessKeyId"], creds["SecretAccessKey"], creds["SessionToken"])
    out["roleGetRole"] = as_role_iam.get_role(RoleName="dev")["Role"]["Arn"]
    out["roleCreateUser"] = failure(lambda: as_role_iam.create_user(UserName="mallory"))
    out["wrongSecret"] = failure(lambda: client("sts", url, key["AccessKeyId"], "x" * 40).get_caller_identity())
    print(json.dumps(out, default=str))


if __name__ == "__main__":
    main()
