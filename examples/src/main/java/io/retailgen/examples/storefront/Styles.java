package io.retailgen.examples.storefront;

/** The storefront's only style sheet, inlined in every page: nothing is loaded from the network. */
final class Styles {

    static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d2330;background:#f6f7f9}
            header{display:flex;gap:2rem;align-items:center;padding:.8rem 1.5rem;background:#1d3557;color:#fff}
            header a{color:#fff;text-decoration:none}
            .brand{font-weight:700}
            nav a{margin-right:1.2rem;opacity:.9}
            main{max-width:60rem;margin:1.5rem auto;padding:0 1.5rem}
            footer{max-width:60rem;margin:2rem auto;padding:0 1.5rem;color:#667;font-size:.85rem}
            .product{background:#fff;border-radius:8px;padding:1rem 1.5rem;margin-bottom:1.5rem}
            .recs{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(14rem,1fr));gap:1rem}
            .rec{background:#fff;border-radius:8px;padding:.8rem 1rem}
            .rec-link{font-weight:600;color:#1d3557}
            .rec-category,.meta,.crumbs{color:#667;font-size:.85rem}
            .reason{margin:.4rem 0;color:#2a6f4e}
            .status{padding:.8rem 1rem;border-radius:6px;margin:1rem 0}
            .ok{background:#e3f4ea;color:#1e5e3a}
            .bad{background:#fde8e8;color:#8a1c1c}
            .notice{background:#fff7e0;border-radius:8px;padding:1rem 1.5rem}
            table{border-collapse:collapse;width:100%;background:#fff;font-size:.85rem}
            th,td{border-bottom:1px solid #e2e5ea;padding:.35rem .5rem;text-align:left;vertical-align:top}
            code{background:#eef0f3;padding:0 .25rem;border-radius:3px}
            .account{margin-left:auto;font-size:.9rem}
            form.inline{display:inline}
            .photo{max-width:100%;height:auto;border-radius:6px;background:#fff}
            .product-photo{float:right;margin:0 0 1rem 1.5rem;width:300px}
            .thumb{display:block;width:100%;height:auto;margin-bottom:.4rem;border-radius:6px}
            .colourway-set{display:flex;gap:.5rem}
            .colourway-set figure{margin:0;flex:1}
            .colourway-set figcaption{font-size:.75rem;color:#667}
            .colourways .asset{grid-column:span 2}
            .experiment{border-top:2px dashed #b0b6bf;margin-top:2rem;padding-top:.5rem}
            .stars{color:#b7791f}
            .copy{white-space:pre-line}
            """;

    private Styles() {
    }
}
