"""Jinja's context and environment, made quicker for pages that call about a hundred helpers each
(render/templates.py builds every language's environment on these)."""

from __future__ import annotations

import jinja2
from jinja2.utils import _PassArg


class _PageContext(jinja2.runtime.Context):
    """Jinja's context, with a quicker way of calling a helper. Jinja asks each called object up to four times how
    it wants to be called, and a page calls about a hundred helpers; here a type's __call__ is asked once."""

    _passed_to_call: dict[type, _PassArg | None] = {}  # what a type's __call__ asks for (a macro: eval_context)

    def call(__self, __obj, *args, **kwargs):
        kind = type(__obj)
        try:
            passed = __self._passed_to_call[kind]
        except KeyError:
            passed = __self._passed_to_call[kind] = getattr(getattr(kind, "__call__", None), "jinja_pass_arg", None)
        if passed is None:
            passed = getattr(__obj, "jinja_pass_arg", None)
        else:
            __obj = __obj.__call__
        loop_vars = kwargs.pop("_loop_vars", None) if kwargs else None
        block_vars = kwargs.pop("_block_vars", None) if kwargs else None
        if passed is _PassArg.context:
            # as in Jinja: the variables set in loops and blocks are seen by the helper
            if loop_vars:
                __self = __self.derived(loop_vars)
            if block_vars:
                __self = __self.derived(block_vars)
            args = (__self, *args)
        elif passed is _PassArg.eval_context:
            args = (__self.eval_ctx, *args)
        elif passed is _PassArg.environment:
            args = (__self.environment, *args)
        try:
            return __obj(*args, **kwargs)
        except StopIteration:
            return __self.environment.undefined("value was undefined because a callable raised a StopIteration "
                                                "exception")


class QuickEnvironment(jinja2.Environment):
    """Jinja's environment with the quicker calls of _PageContext, and with each template's globals in one dict: a
    page makes a context for itself and one for each component it imports, and Jinja would copy the globals into
    each of them one lookup at a time. The globals are all set before the first template is loaded."""

    context_class = _PageContext

    def make_globals(self, template_globals):
        return {**self.globals, **(template_globals or {})}
