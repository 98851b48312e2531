package io.airtix.launcher;

public final class Airtix {

  public static void main(String[] args) {
  }
}
