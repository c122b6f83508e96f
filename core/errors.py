"""Domain errors. The core raises these; only the CLI and the UI turn them into sentences for people."""


class HoidapError(Exception):
    """Base class of every error hoidap raises on purpose."""


class ConfigError(HoidapError):
    """A setting is invalid (bad path, unknown backend, ...)."""


class CorpusNotFoundError(HoidapError):
    """The corpus folder does not exist or is not a folder."""

    def __init__(self, path):
        self.path = path
        super().__init__(f"corpus folder not found: {path}")


class DocumentLoadError(HoidapError):
    """One document could not be read or parsed; the reason says why."""

    def __init__(self, path, reason: str):
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class ToolMissingError(DocumentLoadError):
    """A document needs a program that is not installed (Tesseract for a scan, antiword for a .doc): the
    file is skipped, not failed, and the reason names the package to install."""


class IndexNotFoundError(HoidapError):
    """No index has been built in the index folder yet."""

    def __init__(self, path):
        self.path = path
        super().__init__(f"no index in {path}")


class IndexIncompatibleError(HoidapError):
    """The index folder was written by an incompatible version or with another embedding model."""

    def __init__(self, path, reason: str):
        self.path = path
        self.reason = reason
        super().__init__(f"index in {path} is incompatible: {reason}")


class IndexLockedError(HoidapError):
    """Another reindex holds the lock on the index folder."""

    def __init__(self, path, holder: str = ""):
        self.path = path
        self.holder = holder
        super().__init__(f"another reindex is running on {path} {holder}".strip())


class VectorStoreUnavailableError(HoidapError):
    """The vector store (a Chroma server in server mode) cannot be reached or refused a request."""


class EmbeddingModelError(HoidapError):
    """The embedding model could not be loaded (missing folder, not available offline, ...)."""

    def __init__(self, model: str, reason: str):
        self.model = model
        self.reason = reason
        super().__init__(f"cannot load embedding model {model!r}: {reason}")


class EmptyQuestionError(HoidapError):
    """The question is empty or only whitespace/control characters."""


class QuestionTooLongError(HoidapError):
    """The question exceeds the configured maximum length."""

    def __init__(self, length: int, limit: int):
        self.length = length
        self.limit = limit
        super().__init__(f"question has {length} characters; the limit is {limit}")


class TestSetError(HoidapError):
    """A test-set file is missing or has a malformed line."""

    __test__ = False  # not a pytest test class


class AccessGroupError(HoidapError):
    """An access group name (front matter, folder rule, group mapping) is not a valid group name."""

    def __init__(self, where: str, name: str):
        self.where = where
        self.name = name
        super().__init__(
            f"{where}: {name!r} is not an access group name (lower-case letters, digits, '.', '_', '-'; up to 64)"
        )


class SignInError(HoidapError):
    """Sign-in is configured but cannot work (Streamlit's [auth] secrets or the group mapping are missing or bad)."""
