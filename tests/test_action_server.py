"""The supervised action server: it comes up on loopback, and when it dies it is restarted
with the failure logged as an error (never a bot that silently stops answering), and it
carries no TensorFlow. It is locked and surely ours (docs/SECURITY.md): calls without this
start's secret are refused, a stranger on the port is never taken for it, it never sees
the bot token, and it dies with its parent, even one killed with SIGKILL."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import aiohttp
import aiohttp.web
import pytest

from bot.action_auth import SECRET_HEADER
from bot.action_server import ActionServer, ActionServerError
from bot.rasa.action_endpoint import LockedActionEndpoint
from coach.apology.store import latest_draft, save_draft
from coach.config import PROJECT_ROOT, Settings
from coach.people import sender_for_chat
from coach.storage.db import Database
from testing.harness import TEST_TOKEN, free_port

pytestmark = pytest.mark.slow


async def healthy(url: str) -> bool:
    try:
        async with aiohttp.ClientSession() as session:
            async with session.get(url, timeout=aiohttp.ClientTimeout(total=2)) as reply:
                return reply.status == 200
    except aiohttp.ClientError:
        return False


async def test_a_dead_action_server_is_restarted_and_reported(tmp_path, caplog) -> None:
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'a.db'}", action_server_port=free_port())
    server = ActionServer(settings)
    await server.start()
    try:
        assert await healthy(server.health_url)
        first_pid = server.pid
        with caplog.at_level(logging.ERROR, logger="bot.action_server"):
            os.kill(first_pid, signal.SIGKILL)
            for _ in range(240):
                await asyncio.sleep(0.25)
                if server.pid != first_pid and await healthy(server.health_url):
                    break
        assert server.restarts == 1 and server.pid != first_pid
        assert await healthy(server.health_url)
        assert any("action server died" in r.getMessage() for r in caplog.records)
    finally:
        await server.stop()
    assert not await healthy(server.health_url)


async def test_an_action_server_that_cannot_start_gives_a_clear_error(tmp_path, monkeypatch) -> None:
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'a.db'}", action_server_port=free_port())
    monkeypatch.setenv("PYTHONPATH", str(tmp_path))  # shadow the actions package with a broken one
    (tmp_path / "actions").mkdir()
    (tmp_path / "actions" / "__init__.py").write_text("raise ImportError('broken on purpose')\n")
    server = ActionServer(settings, startup_timeout=60)
    monkeypatch.setattr("bot.action_server.PROJECT_ROOT", tmp_path)
    with pytest.raises(ActionServerError, match="exited with code|did not answer"):
        await server.start()
    await server.stop()


async def test_the_action_server_serves_every_action_without_tensorflow_or_jax(tmp_path) -> None:
    """bot.action_server_main keeps the unused ML back ends out of the child (~360 MB)."""
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'a.db'}", action_server_port=free_port())
    server = ActionServer(settings)
    await server.start()
    try:
        actions_url = server.health_url.replace("/health", "/actions")
        async with aiohttp.ClientSession(headers={SECRET_HEADER: server.secret}) as session:
            async with session.get(actions_url) as reply:
                served = {action["name"] for action in await reply.json()}
        assert {"validate_apology_form", "action_submit_checkin", "action_save_reminder"} <= served
        loaded = Path(f"/proc/{server.pid}/maps").read_text()
        assert "tensorflow" not in loaded and "jaxlib" not in loaded
    finally:
        await server.stop()


def test_the_apology_analyzer_works_with_the_back_ends_blocked() -> None:
    script = (
        "from bot.action_server_main import block_unused_backends; block_unused_backends()\n"
        "from coach.apology.analyzer import analyze\n"
        "import sys; assert sys.modules['tensorflow'] is None\n"
        "print(sorted({flag.kind for flag in analyze('sorry you feel that way but you made me do it', 'ownership')}))"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().splitlines()[-1] == "['blame_shift', 'but', 'non_apology']"


def forged_call(action: str, chat_id: int) -> dict:
    """What Rasa posts to /webhook, with someone else's sender id."""
    sender = sender_for_chat(chat_id)
    tracker = {"sender_id": sender, "slots": {}, "latest_message": {"intent": {}, "entities": [], "text": ""},
               "events": [], "paused": False, "followup_action": None, "active_loop": {},
               "latest_action_name": "action_listen"}
    return {"next_action": action, "sender_id": sender, "tracker": tracker, "domain": {}, "version": "3.6.2"}


async def test_a_call_without_the_secret_is_refused_and_the_data_stays(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TEST_TOKEN)  # the bot's environment has it; the child must not
    url = f"sqlite:///{tmp_path / 'a.db'}"
    db = Database(url)
    db.migrate()
    chat_id = 5150
    save_draft(db, chat_id, "I am sorry I lied to you about the trip.", "first")
    server = ActionServer(Settings(database_url=url, action_server_port=free_port()))
    await server.start()
    try:
        webhook = server.health_url.replace("/health", "/webhook")
        async with aiohttp.ClientSession() as session:
            for headers in ({}, {SECRET_HEADER: "guessed"}):
                async with session.post(webhook, json=forged_call("action_apology_delete", chat_id), headers=headers) as reply:
                    assert reply.status == 401
                    assert "sorry" not in (await reply.text()).lower()
            async with session.get(webhook.replace("/webhook", "/actions")) as reply:
                assert reply.status == 401
            assert latest_draft(db, chat_id) is not None  # nothing was read or deleted

            # The same call with the secret is served: the refusal above was the lock, not a bad body.
            async with session.post(webhook, json=forged_call("action_apology_delete", chat_id),
                                    headers={SECRET_HEADER: server.secret}) as reply:
                assert reply.status == 200
            assert latest_draft(db, chat_id) is None
        environment = Path(f"/proc/{server.pid}/environ").read_bytes()
        assert b"TELEGRAM_BOT_TOKEN" not in environment and TEST_TOKEN.encode() not in environment
    finally:
        await server.stop()
        db.dispose()


class Stranger:
    """Some other HTTP server holding the port first: it answers /health with 200."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> "Stranger":
        self.process = subprocess.Popen([sys.executable, "-m", "http.server", str(self.port), "--bind", "127.0.0.1"],
                                        cwd="/tmp", stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        from testing.harness import wait_for_http

        wait_for_http(f"http://127.0.0.1:{self.port}/", self.process, timeout=30)
        return self

    def __exit__(self, *exc_info: object) -> None:
        assert self.process is not None
        self.process.terminate()
        self.process.wait(timeout=10)


async def test_a_stranger_on_the_port_is_never_taken_for_our_action_server(tmp_path, monkeypatch) -> None:
    port = free_port()
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'a.db'}", action_server_port=port)
    with Stranger(port):
        server = ActionServer(settings)
        with pytest.raises(ActionServerError, match=f"Port {port} on 127.0.0.1 is already in use"):
            await server.start()
        await server.stop()

        # Had the stranger taken the port just after that check, the health check's proof still tells.
        monkeypatch.setattr("bot.action_server.port_is_taken", lambda host, port: False)
        server = ActionServer(settings)
        with pytest.raises(ActionServerError, match="Something other than our action server answers"):
            await server.start()
        await server.stop()
        assert server._process is not None and server._process.returncode is not None  # our child ended


async def test_while_the_child_is_down_no_call_goes_to_whoever_took_the_port(tmp_path, caplog) -> None:
    port = free_port()
    server = ActionServer(Settings(database_url=f"sqlite:///{tmp_path / 'a.db'}", action_server_port=port))
    await server.start()
    endpoint = LockedActionEndpoint(f"http://127.0.0.1:{port}", server.secret, server.is_serving)
    hits: list[str] = []

    async def record(request: aiohttp.web.Request) -> aiohttp.web.Response:
        hits.append(request.path)
        return aiohttp.web.json_response([])

    app = aiohttp.web.Application()
    app.router.add_route("*", "/{tail:.*}", record)
    stranger = aiohttp.web.AppRunner(app)
    await stranger.setup()
    try:
        assert {"name": "action_submit_checkin"} in await endpoint.request(method="get", subpath="actions")
        with caplog.at_level(logging.ERROR, logger="bot.action_server"):
            os.kill(server.pid, signal.SIGKILL)
            while server.is_serving():
                await asyncio.sleep(0.05)
            await aiohttp.web.TCPSite(stranger, "127.0.0.1", port).start()  # it takes the port at once
            with pytest.raises(aiohttp.ClientConnectionError):
                await endpoint.request(method="get", subpath="actions")
            for _ in range(100):  # the restart (after 1 s) finds the port taken and says so
                if any("already in use" in r.getMessage() for r in caplog.records):
                    break
                await asyncio.sleep(0.1)
        assert any("already in use" in r.getMessage() for r in caplog.records)
        assert not server.is_serving()
        with pytest.raises(aiohttp.ClientConnectionError):
            await endpoint.request(method="post", subpath="webhook", json={"next_action": "action_submit_checkin"})
        assert hits == []  # the stranger never saw a call, nor the secret
    finally:
        await server.stop()
        await stranger.cleanup()


def test_a_non_loopback_host_is_refused(tmp_path) -> None:
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'a.db'}", action_server_host="0.0.0.0")
    with pytest.raises(ActionServerError, match="loopback"):
        asyncio.run(ActionServer(settings).start())


PARENT = """
import asyncio, sys
from bot.action_server import ActionServer
from coach.config import Settings

async def main():
    server = ActionServer(Settings(database_url=sys.argv[1], action_server_port=int(sys.argv[2])))
    await server.start()
    print(server.pid, flush=True)
    await asyncio.sleep(3600)

asyncio.run(main())
"""


def test_the_action_server_dies_with_a_parent_killed_by_sigkill(tmp_path) -> None:
    parent = subprocess.Popen([sys.executable, "-c", PARENT, f"sqlite:///{tmp_path / 'a.db'}", str(free_port())],
                              cwd=PROJECT_ROOT, stdout=subprocess.PIPE, text=True)
    try:
        child = int(parent.stdout.readline())
        assert Path(f"/proc/{child}").exists()
        parent.send_signal(signal.SIGKILL)
        parent.wait(timeout=10)
        for _ in range(200):
            if not Path(f"/proc/{child}").exists() or "zombie" in Path(f"/proc/{child}/status").read_text():
                break
            time.sleep(0.05)
        else:
            os.kill(child, signal.SIGKILL)
            pytest.fail("the action server outlived its parent")
    finally:
        if parent.poll() is None:
            parent.kill()
