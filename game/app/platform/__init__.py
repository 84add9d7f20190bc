"""Where the game meets the machine: the window and its scaling, SDL's set-up, sound, the
narrator's voice and input events. (The browser build is to add a second back end here.)"""
