"""The pages of the site, by kind: articles, entities, events and the indexes."""

from .base import PlannedPage
from .renderer import SiteRenderer

__all__ = ["PlannedPage", "SiteRenderer"]
