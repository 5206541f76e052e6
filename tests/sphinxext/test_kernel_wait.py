"""The kernel-wait workaround: a reply that nbclient's poll misses is picked up in short slices."""

from __future__ import annotations

import pytest

from customer_focus.sphinxext import kernel_wait


def test_kernel_wait_fix_is_idempotent():
    from jupyter_client.channels import AsyncZMQSocketChannel

    kernel_wait.apply()
    patched = AsyncZMQSocketChannel.get_msg
    kernel_wait.apply()
    assert AsyncZMQSocketChannel.get_msg is patched


def test_sliced_wait_returns_a_late_message_and_keeps_the_timeout():
    import asyncio
    from queue import Empty

    calls = []

    async def arrives_on_third_look(self, timeout=None):
        calls.append(timeout)
        if len(calls) < 3:
            raise Empty
        return {"msg": "reply"}

    assert asyncio.run(kernel_wait.sliced(arrives_on_third_look)(None, timeout=10)) == {
        "msg": "reply"
    }
    assert max(calls) <= kernel_wait.SLICE

    async def never(self, timeout=None):
        raise Empty

    with pytest.raises(Empty):
        asyncio.run(kernel_wait.sliced(never)(None, timeout=0.3))
