"""Packaging for papi_inspect; installs the `papi-inspect` console command."""

from pathlib import Path

from setuptools import find_packages, setup

HERE = Path(__file__).parent


def requirements(name):
    lines = (HERE / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


setup(
    name="papi_inspect",
    version="0.1.0",
    description="Thanh tra – Văn phòng Sở: tiếp công dân, xử lý đơn, thanh tra, kiểm tra và kế hoạch PAPI",
    python_requires=">=3.11",
    packages=find_packages(include=["papi_inspect*", "doctypes*", "reports*", "tablet*"]),
    include_package_data=True,
    install_requires=requirements("requirements.in"),
    extras_require={"test": requirements("requirements-dev.in")},
    entry_points={"console_scripts": ["papi-inspect=papi_inspect.cli:main"]},
)
