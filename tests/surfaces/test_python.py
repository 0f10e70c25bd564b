"""The Python surface's own helpers."""


def test_remembered_visitor_methods_are_the_ones_libcst_would_find():
    from libcst._batched_visitor import BatchableCSTVisitor
    from libcst.metadata import ParentNodeProvider, QualifiedNameProvider, ScopeProvider

    from polylint.surfaces.python import parse, remember_visitor_methods

    parse("x = 1\n")  # installs the remembered lookup
    remember_visitor_methods()
    original = BatchableCSTVisitor.get_visitors.original
    for provider in (ScopeProvider, QualifiedNameProvider, ParentNodeProvider):
        for instance in (provider(), provider()):
            remembered = instance.get_visitors()
            assert remembered == original(instance)
            assert all(method.__self__ is instance for method in remembered.values())
