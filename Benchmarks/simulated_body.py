"""A finished response body from a running simulator, fetched as a client would: a POST, then GETs until the
request is no longer pending. For the benchmarks that need a real body on disk."""
import json, time, urllib.request


def finished_body(base_url, handle, token="bench"):
    """Submits a refresh of the Instagram `handle` and returns the body of its finished GET."""
    headers = {"Authorization": "Bearer " + token, "Content-Type": "application/json"}
    created = json.load(urllib.request.urlopen(urllib.request.Request(
        base_url + "/data_refresh/requests", method="POST", headers=headers,
        data=json.dumps({"request_type": "instagram", "handle": handle}).encode())))
    while True:
        body = urllib.request.urlopen(urllib.request.Request(
            base_url + "/data_refresh/requests/" + created["request_id"], headers=headers)).read()
        if json.loads(body)["status"]["message"] != "pending":
            return body
        time.sleep(0.05)
