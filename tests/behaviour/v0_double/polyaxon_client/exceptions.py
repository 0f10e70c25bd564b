class PolyaxonClientException(Exception):
    pass


class PolyaxonHTTPError(PolyaxonClientException):
    pass


class PolyaxonShouldExitError(PolyaxonClientException):
    pass
