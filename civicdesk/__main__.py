from civicdesk.cli import main

raise SystemExit(main())
