from leidraad.cli import main

main()
