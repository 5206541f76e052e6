"""The service recovery tool: what a recovery must achieve to pay for itself.

``calc``
    The arithmetic (standard library only): :func:`~.calc.recovery_break_even`
    and its result, :class:`~.calc.RecoveryBreakEven`, which explains itself
    in a sentence for a manager.
``recovery.yml``
    The inputs (the recovery's cost per recipient, the customers' lifetime
    value, the share who would leave without it) and the worked example.

The course uses it for the service recovery figures of the Halden case
(chapter 6, "Improve service recovery"); it has no worksheet of its own.
"""
