/** Tests of the TRAIN / EVALUATE steps and their progress reporting. */
package com.spurlab.scheduler.step;
