"""A workaround for notebook execution that stalls after a cell showing widgets.

When the course's notebooks run under nbclient (the book build through
myst-nb and jupyter-cache, and some tests), a cell that displays ipywidgets
sometimes finishes in the kernel while nbclient keeps waiting for the
kernel's reply until the cell timeout, then carries on as if nothing
happened (jupyter/nbclient#312). The reply is in the socket all along: the
asyncio poll on the shell channel does not wake up for it. Waiting in short
slices, as the fix proposed upstream (jupyter/nbclient#311) does, picks it up
within a quarter of a second.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from queue import Empty
from time import monotonic
from typing import Any

__all__ = ["apply", "sliced", "SLICE"]

#: Longest single wait on the shell channel, in seconds.
SLICE = 0.25


def sliced(wait_once: Callable[..., Awaitable[Any]]) -> Callable[..., Awaitable[Any]]:
    """Wrap an async ``get_msg(self, timeout)`` so that it waits in slices of :data:`SLICE`.

    The wrapper keeps the contract of the original: it returns the first
    message, or raises :class:`queue.Empty` once ``timeout`` seconds have passed
    (``None`` waits for ever).
    """

    async def get_msg(self: Any, timeout: float | None = None) -> Any:
        deadline = None if timeout is None else monotonic() + timeout
        while True:
            wait = SLICE if deadline is None else max(0.0, min(SLICE, deadline - monotonic()))
            try:
                return await wait_once(self, timeout=wait)
            except Empty:
                if deadline is not None and monotonic() >= deadline:
                    raise

    get_msg._customer_focus_sliced = True  # type: ignore[attr-defined]
    get_msg.__doc__ = wait_once.__doc__
    return get_msg


def apply() -> None:
    """Make the async kernel client wait for replies in short slices (idempotent)."""
    from jupyter_client.channels import AsyncZMQSocketChannel

    if not getattr(AsyncZMQSocketChannel.get_msg, "_customer_focus_sliced", False):
        AsyncZMQSocketChannel.get_msg = sliced(AsyncZMQSocketChannel.get_msg)  # type: ignore[method-assign]
