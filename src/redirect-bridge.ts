// MSAL v5's silent renewal runs in a hidden iframe that lands here; this hands the response back to the app.
import { broadcastResponseToMainFrame } from '@azure/msal-browser/redirect-bridge';

broadcastResponseToMainFrame().catch(() => undefined);
