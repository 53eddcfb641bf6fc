"""Reading a webhook's body without letting a stranger fill the memory (issue 12).

The size is limited before the body is read: a declared Content-Length over the limit is
refused at once, and a body sent without one (chunked) is read only until it passes the
limit. The signature is then checked on exactly the bytes read.
"""

from __future__ import annotations

from starlette.requests import Request


class BodyTooLarge(Exception):
    """The request body is larger than the endpoint accepts (answer 413)."""


async def read_limited(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise BodyTooLarge
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise BodyTooLarge
        chunks.append(chunk)
    return b"".join(chunks)
