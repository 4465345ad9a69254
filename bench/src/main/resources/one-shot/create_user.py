"""What the seed script's `create_user --groupname` does, minimally (one process, boto3): GetGroupId, CreateUser,
CreateGroupMembership. The one-shot benchmark runs it side by side with `jml invoke joiner`.

usage: python3 create_user.py ENDPOINT IDENTITY_STORE_ID USER_NAME GROUP_NAME
"""
import sys

import boto3

endpoint, store_id, user_name, group_name = sys.argv[1:5]
client = boto3.client("identitystore", endpoint_url=endpoint, region_name="us-east-1",
                      aws_access_key_id="test", aws_secret_access_key="test")
group_id = client.get_group_id(
    IdentityStoreId=store_id,
    AlternateIdentifier={"UniqueAttribute": {"AttributePath": "displayName", "AttributeValue": group_name}},
)["GroupId"]
user_id = client.create_user(
    IdentityStoreId=store_id, UserName=user_name, DisplayName=user_name,
    Name={"GivenName": "Given", "FamilyName": "Family"},
    Emails=[{"Value": user_name + "@example.com", "Type": "work", "Primary": True}],
)["UserId"]
client.create_group_membership(IdentityStoreId=store_id, GroupId=group_id, MemberId={"UserId": user_id})
print("created " + user_name + " " + user_id + " in " + group_name)
