"""Every read path of the doctype (admin, API, files, letters) as URLs, and a text view of any response."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

ADMIN = {"petition": "complaint_case/petition", "complaintcase": "complaint_case/complaintcase",
         "denunciation": "complaint_case/denunciation", "reception": "citizen_reception/reception"}
API = {"petition": "petitions", "complaintcase": "complaints", "denunciation": "denunciations", "reception": "receptions"}


def read_paths(record, *, search="a"):
    """(name, method, url, data) of each way to read `record`."""
    name = record._meta.model_name
    admin, api = f"/admin/{ADMIN[name]}/", f"/api/v1/{API[name]}/"
    return [
        ("admin list", "get", admin, None),
        ("admin search", "get", f"{admin}?q={search}", None),
        ("admin detail", "get", f"{admin}{record.pk}/change/", None),
        ("admin history", "get", f"{admin}{record.pk}/history/", None),
        ("admin export", "post", admin, {"action": "export_to_excel", "_selected_action": [str(record.pk)]}),
        ("api list", "get", api, None),
        ("api search", "get", f"{api}?search={search}", None),
        ("api detail", "get", f"{api}{record.pk}/", None),
    ]


def body_text(response):
    """The response as text, unpacking .xlsx/.docx archives so their contents can be searched too."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    headers = " ".join(f"{key}: {value}" for key, value in response.items())
    if content[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            content = b" ".join(archive.read(name) for name in archive.namelist())
    return headers + " " + content.decode("utf-8", errors="ignore")


def upload(client, record, *, name="don-cua-Hoang-Thi-Bi-Mat.pdf"):
    api = f"/api/v1/{API[record._meta.model_name]}/{record.pk}/attachments/"
    pdf = SimpleUploadedFile(name, b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n", content_type="application/pdf")
    return client.post(api, {"file": pdf, "description": "Đơn gốc"})
