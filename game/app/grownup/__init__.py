"""The grown-up's corner: the panel held open from the top-left corner, its results and records
pages, and the one-page summary picture."""
