/**
 * main.tsx's first import, so it runs before React, antd and the app's modules are evaluated
 * (~0.25 s on a slow machine): main starts reading the workspace that much earlier. Imports
 * nothing but the bridge wrapper.
 */
import { bridgeAvailable } from './api'
import { askEarly } from './startup'

if (bridgeAvailable()) askEarly()
