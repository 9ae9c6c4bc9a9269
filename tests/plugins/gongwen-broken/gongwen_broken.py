"""A plugin whose import fails, as a plugin with a missing dependency does."""

import a_module_that_does_not_exist  # noqa: F401
