"""Downloads: the whole dataset at stable URLs, every format parseable."""

from __future__ import annotations

import io
import zipfile

import networkx as nx
import openpyxl
import pyoxigraph as ox
import pytest
from fastapi.testclient import TestClient
from lxml import html as lxml_html

from rahmengraph.api.downloads import SUFFIXES
from rahmengraph.model.formats import GRAPH_FORMATS


@pytest.mark.parametrize("suffix", list(SUFFIXES))
def test_downloads(client: TestClient, suffix: str) -> None:
    listed = {d["name"]: d["href"] for d in client.get("/download").json()}
    name = f"rahmengraph-musterland.{suffix}"
    response = client.get(listed[name])
    assert response.status_code == 200
    body = response.content
    key = SUFFIXES[suffix][0]
    if key in GRAPH_FORMATS:
        assert len(list(ox.parse(body, format=GRAPH_FORMATS[key].oxigraph))) > 100
    elif key == "graphml":
        assert nx.read_graphml(io.BytesIO(body)).number_of_nodes() > 10
    elif key == "gexf":
        assert nx.read_gexf(io.BytesIO(body)).number_of_nodes() > 10
    elif key == "csv":
        assert "massnahmen.csv" in zipfile.ZipFile(io.BytesIO(body)).namelist()
    elif key == "pruefpaket":
        assert "shapes.ttl" in zipfile.ZipFile(io.BytesIO(body)).namelist()
    else:
        assert "massnahmen" in openpyxl.load_workbook(io.BytesIO(body)).sheetnames


def test_download_list_is_a_page_for_browsers_and_linked_from_start(client: TestClient) -> None:
    start = lxml_html.fromstring(client.get("/").text)
    assert "/download" in start.xpath("//a/@href")
    as_json = client.get("/download", headers={"accept": "application/json"}).json()
    page = client.get("/download", headers={"accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert page.headers["content-type"].startswith("text/html")
    links = lxml_html.fromstring(page.text).xpath("//table[@class='downloads']//a/@href")
    assert links == [d["href"] for d in as_json] and links
