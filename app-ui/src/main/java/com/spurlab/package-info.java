/** SpurLab: robustness pilots for image models. The application class lives here so every module is scanned. */
package com.spurlab;
