"""The organisation's signing key, PAdES signatures on exported PDFs, and checking them.

The key is a self-signed certificate naming the organisation, with its private key in a PKCS#12
file protected by a passphrase, kept in the user data folder::

    <data folder>/keys/organisation.p12        the key and certificate (passphrase-protected)
    <data folder>/keys/organisation.pem        the certificate alone, for checking signatures
    <data folder>/keys/trusted/*.pem           certificates of other organisations (and this
                                               organisation's earlier keys) whose signatures
                                               this computer accepts

Checking a signature (:func:`verify_pdf`) names its own trust roots (the certificates above)
and requires the signature to cover the entire file: pyHanko on its own reports a file with
bytes appended after the signed end as intact (coverage ``ENTIRE_REVISION``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import logging
import os
import re
import shutil
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from civicdesk.i18n import _, current_language
from civicdesk.i18n.khmer import format_number
from civicdesk.i18n.textdiff import clusters
from civicdesk.services.errors import DomainError, NotFoundError, StateError, ValidationError
from civicdesk.storage.database import data_dir

__all__ = [
    "KeyInfo",
    "SigningKey",
    "Verification",
    "create_organisation_key",
    "export_certificate",
    "import_organisation_key",
    "key_folder",
    "load_signing_key",
    "organisation_key_info",
    "require_organisation_key",
    "sign_pdf",
    "trust_certificate",
    "verify_pdf",
]

KEY_FILE = "organisation.p12"
CERTIFICATE_FILE = "organisation.pem"
TRUSTED_FOLDER = "trusted"
MIN_PASSPHRASE = 8
VALIDITY_YEARS = 10
COMMON_NAME_BYTES = 64
SIGNATURE_FIELD = "CivicDeskSignature"


class SigningError(DomainError):
    """A key or signature problem, said for a person."""


@dataclass(frozen=True)
class KeyInfo:
    organisation: str
    fingerprint: str
    not_after: dt.datetime
    path: Path


@dataclass(frozen=True)
class SigningKey:
    """The organisation's key, unlocked for signing."""

    organisation: str
    fingerprint: str
    signer: Any  # pyhanko SimpleSigner


def key_folder() -> Path:
    folder = data_dir() / "keys"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _fingerprint(certificate: x509.Certificate) -> str:
    return certificate.fingerprint(hashes.SHA256()).hex()


def _organisation_of(certificate: x509.Certificate) -> str:
    for oid in (NameOID.ORGANIZATION_NAME, NameOID.COMMON_NAME):
        names = certificate.subject.get_attributes_for_oid(oid)
        if names:
            return str(names[0].value)
    return certificate.subject.rfc4514_string()


def _info(certificate: x509.Certificate, path: Path) -> KeyInfo:
    return KeyInfo(
        organisation=_organisation_of(certificate),
        fingerprint=_fingerprint(certificate),
        not_after=certificate.not_valid_after_utc,
        path=path,
    )


def _check_passphrase(passphrase: str) -> bytes:
    if len(passphrase) < MIN_PASSPHRASE:
        raise ValidationError(
            _("The passphrase must have at least {count} characters.").format(
                count=format_number(MIN_PASSPHRASE, current_language())
            ),
            field="passphrase",
        )
    return passphrase.encode("utf-8")


def _write_atomically(path: Path, data: bytes) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _make_room(replace: bool) -> None:
    """Refuse to overwrite the key unless asked; when replacing, keep trusting the old
    certificate so that documents signed with it still check."""
    folder = key_folder()
    existing = folder / CERTIFICATE_FILE
    if not (folder / KEY_FILE).exists():
        return
    if not replace:
        raise StateError(
            _(
                "This computer already has an organisation signing key. Replace it only if it "
                "was lost or compromised (--replace)."
            )
        )
    if existing.exists():
        certificate = x509.load_pem_x509_certificate(existing.read_bytes())
        trusted = folder / TRUSTED_FOLDER
        trusted.mkdir(exist_ok=True)
        shutil.copyfile(existing, trusted / f"{_fingerprint(certificate)[:16]}.pem")


def _store(key: Any, certificate: x509.Certificate, passphrase: bytes) -> KeyInfo:
    folder = key_folder()
    bundle = pkcs12.serialize_key_and_certificates(
        name=_organisation_of(certificate).encode("utf-8"),
        key=key,
        cert=certificate,
        cas=None,
        encryption_algorithm=serialization.BestAvailableEncryption(passphrase),
    )
    _write_atomically(folder / KEY_FILE, bundle)
    _write_atomically(
        folder / CERTIFICATE_FILE, certificate.public_bytes(serialization.Encoding.PEM)
    )
    return _info(certificate, folder / KEY_FILE)


def _common_name(name: str) -> str:
    """The name cut to the 64 UTF-8 bytes a certificate's common name may have (cryptography
    counts bytes: a Khmer name reaches them at about 21 letters), never inside a cluster. The
    organisation name beside it keeps the whole name, and is the one shown as the signer."""
    kept = ""
    for cluster in clusters(name):
        if len((kept + cluster).encode("utf-8")) > COMMON_NAME_BYTES:
            break
        kept += cluster
    return kept.rstrip()


def create_organisation_key(
    organisation: str, passphrase: str, *, replace: bool = False
) -> KeyInfo:
    """A new key and a self-signed certificate naming ``organisation``, stored protected by
    ``passphrase``."""
    name = organisation.strip()
    if not name:
        raise ValidationError(_("Name the organisation the key belongs to."), field="org")
    secret = _check_passphrase(passphrase)
    _make_room(replace)
    # ECDSA on P-256: PAdES and Adobe Reader accept it, and unlike RSA it loads and signs in
    # milliseconds (cryptography checks an RSA key for most of a second each time it is loaded).
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, _common_name(name)),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, name),
        ]
    )
    now = dt.datetime.now(dt.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=365 * VALIDITY_YEARS))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return _store(key, certificate, secret)


def import_organisation_key(path: Path, passphrase: str, *, replace: bool = False) -> KeyInfo:
    """Use the key and certificate in a PKCS#12 file (``.p12``/``.pfx``) as the organisation's."""
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise NotFoundError(
            _("Cannot read {path}: {reason}").format(path=path, reason=error.strerror)
        ) from None
    try:
        key, certificate, _others = pkcs12.load_key_and_certificates(
            data, passphrase.encode("utf-8") if passphrase else None
        )
    except ValueError:
        raise SigningError(
            _("{path} is not a PKCS#12 key file, or the passphrase is wrong.").format(path=path)
        ) from None
    if key is None or certificate is None:
        raise SigningError(
            _("{path} must hold both a private key and its certificate.").format(path=path)
        )
    _make_room(replace)
    return _store(key, certificate, _check_passphrase(passphrase))


def organisation_key_info() -> KeyInfo | None:
    """The organisation's key, if this computer has one."""
    folder = key_folder()
    certificate_path = folder / CERTIFICATE_FILE
    if not (folder / KEY_FILE).exists() or not certificate_path.exists():
        return None
    certificate = x509.load_pem_x509_certificate(certificate_path.read_bytes())
    return _info(certificate, folder / KEY_FILE)


def require_organisation_key() -> KeyInfo:
    """The organisation's key, or a NotFoundError that says how to make or import one (asked
    before the passphrase, so nobody types it for nothing)."""
    info = organisation_key_info()
    if info is None:
        raise NotFoundError(
            _(
                "This computer has no organisation signing key yet. Create one with "
                "civicdesk key create --org NAME, or import one with civicdesk key import FILE.p12."
            )
        )
    return info


def load_signing_key(passphrase: str) -> SigningKey:
    """Unlock the organisation's key; a wrong passphrase is refused before anything is done."""
    from pyhanko.sign import signers

    path = require_organisation_key().path
    try:
        signer = signers.SimpleSigner.load_pkcs12_data(
            path.read_bytes(), other_certs=[], passphrase=passphrase.encode("utf-8")
        )
    except ValueError:
        raise SigningError(_("Wrong passphrase for the organisation signing key.")) from None
    certificate = x509.load_der_x509_certificate(signer.signing_cert.dump())
    return SigningKey(_organisation_of(certificate), _fingerprint(certificate), signer)


def export_certificate(destination: Path) -> Path:
    """Write the organisation's certificate (public: it lets others check its signatures)."""
    source = key_folder() / CERTIFICATE_FILE
    if not source.exists():
        raise NotFoundError(_("This computer has no organisation signing key yet."))
    shutil.copyfile(source, destination)
    return destination


def _load_certificates(path: Path) -> list[x509.Certificate]:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise NotFoundError(
            _("Cannot read {path}: {reason}").format(path=path, reason=error.strerror)
        ) from None
    try:
        if b"-----BEGIN CERTIFICATE-----" in data:
            return list(x509.load_pem_x509_certificates(data))
        return [x509.load_der_x509_certificate(data)]
    except ValueError:
        raise SigningError(_("{path} is not a certificate.").format(path=path)) from None


def read_certificate(path: Path) -> KeyInfo:
    """Whose a certificate file is, and its fingerprint: shown before it is trusted."""
    return _info(_load_certificates(Path(path))[0], Path(path))


def trust_certificate(path: Path) -> KeyInfo:
    """Accept signatures made with the key of this certificate (another organisation's)."""
    certificates = _load_certificates(Path(path))
    certificate = certificates[0]
    trusted = key_folder() / TRUSTED_FOLDER
    trusted.mkdir(exist_ok=True)
    target = trusted / f"{_fingerprint(certificate)[:16]}.pem"
    target.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    return _info(certificate, target)


def trusted_certificates(extra: Iterable[Path] = ()) -> list[x509.Certificate]:
    """This organisation's certificate, those it trusts, and ``extra`` files."""
    folder = key_folder()
    paths = [folder / CERTIFICATE_FILE, *sorted((folder / TRUSTED_FOLDER).glob("*.pem"))]
    certificates: list[x509.Certificate] = []
    for path in paths:
        if path.exists():
            certificates += _load_certificates(path)
    for path in extra:
        certificates += _load_certificates(Path(path))
    return certificates


# --------------------------------------------------------------------------- signing


def sign_pdf(data: bytes, key: SigningKey, *, reason: str = "", location: str = "") -> bytes:
    """``data`` (a PDF) with a PAdES signature by the organisation's key over the whole file."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    metadata = signers.PdfSignatureMetadata(
        field_name=SIGNATURE_FIELD,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=reason or None,
        location=location or None,
        name=key.organisation,
    )
    output = io.BytesIO()
    signers.sign_pdf(writer, metadata, signer=key.signer, output=output)
    return output.getvalue()


# --------------------------------------------------------------------------- checking

_KEYWORD = re.compile(r"(document-id|content-sha256|audit-head)=([0-9a-fA-F-]+)")


@dataclass(frozen=True)
class Verification:
    """What :func:`verify_pdf` found. ``ok`` only when every check passed."""

    ok: bool
    problems: tuple[str, ...] = ()
    signer: str = ""
    fingerprint: str = ""
    signed_at: dt.datetime | None = None
    file_sha256: str = ""
    #: Whether the signing key is this organisation's or one it trusts.
    trusted: bool = False
    details: dict[str, str] = field(default_factory=dict)


def document_keywords(reader: Any) -> dict[str, str]:
    """The CivicDesk facts written in the PDF's Keywords (document ID, content hash, audit head)."""
    try:
        info = reader.trailer_view.get("/Info")
        if info is not None and hasattr(info, "get_object"):
            info = info.get_object()
        keywords = str(info.get("/Keywords", "")) if info is not None else ""
    except Exception:  # a damaged Info dictionary is reported by the signature checks
        keywords = ""
    return dict(_KEYWORD.findall(keywords))


@contextlib.contextmanager
def _quiet_pyhanko() -> Iterator[None]:
    """pyHanko logs an untrusted certificate as an error with a traceback; here that is an
    expected outcome, reported in the person's language instead."""
    loggers = [logging.getLogger(name) for name in ("pyhanko", "pyhanko_certvalidator")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


def verify_pdf(data: bytes, *, extra_trust: Sequence[Path] = ()) -> Verification:
    """Check the signature of a CivicDesk PDF: intact, by a trusted key, covering the whole
    file. Anything else (no signature, a change, bytes after the end, a truncated file, an
    unknown key) is a problem, named in the UI language."""
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext
    from pyhanko_certvalidator.authority import CertTrustAnchor

    file_sha256 = hashlib.sha256(data).hexdigest()
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        signatures = reader.embedded_signatures
    except (PdfReadError, ValueError, KeyError, IndexError, TypeError) as error:
        return Verification(
            False,
            (
                _("The file is not a readable PDF (damaged or cut short): {reason}").format(
                    reason=error
                ),
            ),
            file_sha256=file_sha256,
        )
    if not signatures:
        return Verification(
            False, (_("The file has no digital signature."),), file_sha256=file_sha256
        )
    from asn1crypto import x509 as asn1_x509

    roots = [
        CertTrustAnchor(asn1_x509.Certificate.load(c.public_bytes(serialization.Encoding.DER)))
        for c in trusted_certificates(extra_trust)
    ]
    context = ValidationContext(trust_roots=roots, allow_fetching=False)
    signature = signatures[-1]
    problems: list[str] = []
    try:
        with _quiet_pyhanko():
            status = validate_pdf_signature(signature, context, skip_diff=True)
    except Exception as error:  # pyHanko raises many kinds for a mangled signature
        return Verification(
            False,
            (_("The signature cannot be checked: {reason}").format(reason=error),),
            file_sha256=file_sha256,
        )
    certificate = x509.load_der_x509_certificate(status.signing_cert.dump())
    signer = _organisation_of(certificate)
    fingerprint = _fingerprint(certificate)
    if not status.intact:
        problems.append(_("The file was changed after it was signed."))
    elif not status.valid:
        problems.append(_("The signature does not match the signer's key."))
    if status.coverage is not SignatureCoverageLevel.ENTIRE_FILE:
        problems.append(
            _(
                "The signature does not cover the whole file: something was added after "
                "it was signed."
            )
        )
    if not status.trusted:
        problems.append(
            _(
                "The signature was made with a key this computer does not trust "
                "(certificate {fingerprint}). Trust it only if you know whose it is: "
                "Tools › Trust another organisation's certificate…, or "
                "civicdesk key trust CERTIFICATE."
            ).format(fingerprint=fingerprint[:16])
        )
    if len(signatures) > 1:
        problems.append(_("The file has more than one signature; CivicDesk signs once."))
    return Verification(
        ok=not problems,
        problems=tuple(problems),
        signer=signer,
        fingerprint=fingerprint,
        signed_at=status.signer_reported_dt,
        file_sha256=file_sha256,
        trusted=bool(status.trusted),
        details=document_keywords(reader),
    )
