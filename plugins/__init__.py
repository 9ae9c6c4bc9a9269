"""Built-in gongwen plugins, installed as `convert_plugins`.

Each module is an ordinary plugin, registered by the host exactly like an
external one (see `convert.host.DEFAULT_PLUGINS`). Modules here import each
other relatively and the host as `convert`, never as `plugins`.
"""
