"""`gongwen plugins`: list the loaded plugins and what each registers."""

from __future__ import annotations

import argparse
import json
from typing import Any

from ..host import Host, plugin_version, registrations
from .common import host_from_args

BUILTIN_PREFIXES = ("convert_plugins.", "convert.")


def add_parser(subparsers: Any) -> None:
    """Register `plugins` and its options."""
    parser = subparsers.add_parser(
        "plugins",
        help="list installed plugins",
        description="List the external plugins that are loaded, with their version, hooks "
        "and the sources, passes and sinks each registers. --all includes the built-ins.",
    )
    parser.add_argument("--all", action="store_true", help="include built-in plugins")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument(
        "--disable-plugin",
        action="append",
        default=[],
        metavar="NAME",
        help="do not load plugin NAME (repeatable)",
    )
    parser.set_defaults(run=run)


def describe_plugins(host: Host, include_builtins: bool) -> list[dict[str, Any]]:
    """Return one record per loaded plugin, sorted by name."""
    records = []
    for name, plugin in host.pm.list_name_plugin():
        module_name = getattr(plugin, "__name__", type(plugin).__module__)
        builtin = module_name.startswith(BUILTIN_PREFIXES)
        if builtin and not include_builtins:
            continue
        hooks = sorted(caller.name for caller in host.pm.get_hookcallers(plugin) or ())
        records.append(
            {
                "name": name,
                "version": plugin_version(plugin),
                "builtin": builtin,
                "hooks": hooks,
                **registrations(host, plugin),
            }
        )
    return sorted(records, key=lambda record: (not record["builtin"], record["name"]))


def run(args: argparse.Namespace) -> int:
    """Print the plugin list (text or JSON)."""
    host = host_from_args(args)
    records = describe_plugins(host, args.all)
    if args.json:
        problems = [{"name": p.name, "reason": p.reason} for p in host.problems]
        print(json.dumps({"plugins": records, "problems": problems}, ensure_ascii=False, indent=2))
        return 0
    if not records:
        print("no external plugins installed (use --all to list the built-ins)")
    for record in records:
        version = f" {record['version']}" if record["version"] else ""
        kind = " (built-in)" if record["builtin"] else ""
        print(f"{record['name']}{version}{kind}")
        print(f"  hooks: {', '.join(record['hooks'])}")
        for kind_name in ("sources", "passes", "sinks", "extractors", "site_profiles"):
            if record.get(kind_name):
                print(f"  {kind_name}: {', '.join(record[kind_name])}")
    return 0
