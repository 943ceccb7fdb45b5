from newsprism.cli import main

main()
