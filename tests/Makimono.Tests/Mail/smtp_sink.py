"""A loopback SMTP server for the mail tests: aiosmtpd (Debian's python3-aiosmtpd) on 127.0.0.1:PORT, writing each
message it accepts to DIR as NNNNNN.eml (written under a temporary name, then renamed, so a reader never sees half a
message). Prints "ready" once it listens and stops when its standard input closes (the test run ended)."""
import itertools
import os
import sys

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, folder):
        self.folder = folder
        self.numbers = itertools.count(1)

    async def handle_DATA(self, server, session, envelope):
        number = next(self.numbers)
        temporary = os.path.join(self.folder, f".{number:06}.tmp")
        with open(temporary, "wb") as file:
            file.write(envelope.original_content or envelope.content)
        os.rename(temporary, os.path.join(self.folder, f"{number:06}.eml"))
        return "250 Message accepted for delivery"


def main():
    port, folder = int(sys.argv[1]), sys.argv[2]
    controller = Controller(Sink(folder), hostname="127.0.0.1", port=port)
    controller.start()
    print("ready", flush=True)
    try:
        sys.stdin.read()
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
