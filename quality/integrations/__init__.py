"""Native steps for data-processing engines: `ray` (Ray Data) and `datatrove`. Each needs its
extra (`pip install 'quality[ray]'`, `'quality[datatrove]'`); `quality.batch_audit` serves
Hugging Face `datasets` with no extra."""
