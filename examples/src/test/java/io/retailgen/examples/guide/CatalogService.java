package io.retailgen.examples.guide;

import io.retailgen.recommend.Catalog;

/** The application's own catalogue service, as the guide's Spring snippet assumes one. */
public interface CatalogService {

    /** @return the catalogue as it is now: stock, categories, display names */
    Catalog current();
}
