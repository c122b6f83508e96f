"""The Streamlit chat from a checkout (`streamlit run app.py`); the app itself is hoidap/app.py, installed with the package."""

from hoidap.app import main

main()
