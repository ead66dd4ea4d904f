/**
 * The rules of a case (办件) as plain Java: steps of a serial/parallel plan, the one-time notice of missing
 * materials (行政许可法 §32), acceptance, tolerant acceptance, deadlines and completion. Every change returns the
 * new state with the events that say what happened; persistence and delivery live outside this package.
 */
@NamedInterface("model")
package cn.onething.casework.model;

import org.springframework.modulith.NamedInterface;
