"""Notebook text and quizzes name the same numbers as the networking models' constants."""

from pathlib import Path

from awslab.networking import peering

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks" / "03_networking"


def test_vpn_tunnel_bandwidths_in_text_are_the_models():
    text = (NOTEBOOKS / "04_connecting_networks.md").read_text(encoding="utf-8")
    assert f"up to {peering.VPN_TUNNEL_MAX_GBPS} Gbps (`TunnelBandwidth`" in text
    assert f"up to {peering.VPN_LARGE_TUNNEL_MAX_GBPS:g} Gbps as a newer *large* tunnel" in text


def test_direct_connect_port_sizes_in_text_are_the_models():
    text = (NOTEBOOKS / "04_connecting_networks.md").read_text(encoding="utf-8")
    sizes = peering.DIRECT_CONNECT_DEDICATED_GBPS
    assert f"physical ports of {', '.join(str(g) for g in sizes[:-1])} or {sizes[-1]} Gbps" in text


def test_changes_file_is_well_formed_and_names_real_notebooks():
    import re

    import yaml as _yaml

    root = Path(__file__).resolve().parents[2]
    entries = _yaml.safe_load((root / "awslab" / "networking" / "changes.yaml").read_text(encoding="utf-8"))
    assert isinstance(entries, list)
    for entry in entries:
        assert set(entry) == {"date", "change", "source", "url", "read", "notebook"}, entry
        assert re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", entry["date"]), entry["date"]
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", entry["read"]), entry["read"]
        assert entry["url"].startswith("https://")
        assert (root / f"{entry['notebook']}.md").is_file(), entry["notebook"]
